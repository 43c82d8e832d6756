import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { percentClass, projectFeatures, type BoundaryFeature } from "@/lib/domain/geo-projection";
import { readOfficialUnits } from "@/lib/db/seed/official-units";

const square = (code: string, lon: number, lat: number, size: number): BoundaryFeature => ({
  properties: { code, name: `Huyện ${code}` },
  geometry: { type: "Polygon", coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]] },
});

describe("projectFeatures", () => {
  it("fits the shapes into the box with north up and keeps proportions", () => {
    const { shapes, width, height } = projectFeatures([square("a", 0, 0, 1), square("b", 1, 0, 1)], 204, 204, 2, 0);
    expect([width, height]).toEqual([204, 104]);
    expect(shapes[0].path).toBe("M2 102L102 102L102 2L2 2L2 102Z");
    expect(shapes[1].centre).toEqual([152, 52]);
  });

  it("drops points closer than the minimum step and skips rings that vanish", () => {
    const tiny: BoundaryFeature = { properties: { code: "t", name: "t" }, geometry: { type: "MultiPolygon", coordinates: [[[[0, 0], [0.000001, 0], [0, 0.000001], [0, 0]]], [[[0, 0], [1, 0], [1, 1], [0, 0]]]] } };
    const { shapes } = projectFeatures([tiny], 100, 100, 0, 1);
    expect(shapes[0].path.match(/M/g)).toHaveLength(1);
  });

  it("classes percents with values above 100% in the top class", () => {
    expect([null, 0, 24.99, 25, 74.99, 99.99, 100, 115.34].map(percentClass)).toEqual(["none", "lt25", "lt25", "lt50", "lt75", "lt100", "done", "done"]);
  });
});

describe("Quảng Nam boundaries", () => {
  it("has one shape per district of province 49, named as in the official list", () => {
    const geo = JSON.parse(readFileSync(path.resolve("lib/geo/boundaries/49.json"), "utf8")) as { features: BoundaryFeature[] };
    const districts = readOfficialUnits().filter((u) => u.parent_code === "49");
    expect(geo.features.map((f) => [f.properties.code, f.properties.name]).sort()).toEqual(districts.map((d) => [d.code, d.name]).sort());
    const { shapes } = projectFeatures(geo.features, 600, 600);
    expect(shapes.every((s) => s.path.startsWith("M"))).toBe(true);
  });
});
