// Turns GeoJSON district boundaries (WGS84 longitude/latitude) into SVG paths for a
// choropleth drawn on the server: an equirectangular projection corrected for latitude
// (accurate enough at a province's scale), fitted into the drawing box, y pointing down.
// Points closer than `minStep` pixels to the previous one are dropped to keep pages light.

export type Position = [number, number];
export type Ring = Position[];
export interface BoundaryFeature {
  properties: { code: string; name: string };
  geometry: { type: "Polygon"; coordinates: Ring[] } | { type: "MultiPolygon"; coordinates: Ring[][] };
}

export interface ProjectedShape {
  code: string;
  name: string;
  path: string;
  /** a point inside the bounding box centre, for a label */
  centre: [number, number];
}

const polygonsOf = (feature: BoundaryFeature): Ring[][] =>
  feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates;

export function projectFeatures(features: readonly BoundaryFeature[], width: number, height: number, padding = 4, minStep = 0.6): { shapes: ProjectedShape[]; width: number; height: number } {
  let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
  for (const feature of features) for (const polygon of polygonsOf(feature)) for (const ring of polygon) for (const [lon, lat] of ring) {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon); minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  if (!Number.isFinite(minLon)) return { shapes: [], width, height };
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  // Centre the drawing in the box and shrink the box to what is drawn.
  const drawnW = spanX * scale + 2 * padding;
  const drawnH = spanY * scale + 2 * padding;
  const project = ([lon, lat]: Position): [number, number] => [padding + (lon - minLon) * kx * scale, padding + (maxLat - lat) * scale];
  const round = (v: number) => Math.round(v * 10) / 10;

  const shapes = features.map((feature) => {
    let path = "";
    let bx0 = Infinity, bx1 = -Infinity, by0 = Infinity, by1 = -Infinity;
    for (const polygon of polygonsOf(feature)) {
      for (const ring of polygon) {
        const points: [number, number][] = [];
        for (const position of ring) {
          const [x, y] = project(position);
          const last = points[points.length - 1];
          if (!last || Math.abs(x - last[0]) + Math.abs(y - last[1]) >= minStep) points.push([x, y]);
          bx0 = Math.min(bx0, x); bx1 = Math.max(bx1, x); by0 = Math.min(by0, y); by1 = Math.max(by1, y);
        }
        if (points.length < 3) continue;
        path += `M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join("L")}Z`;
      }
    }
    return { code: feature.properties.code, name: feature.properties.name, path, centre: [round((bx0 + bx1) / 2), round((by0 + by1) / 2)] as [number, number] };
  });
  return { shapes, width: Math.round(drawnW), height: Math.round(drawnH) };
}

/** Choropleth classes of percent of target; the legend's words are `dashboard.map.classes.<key>`. */
export const PERCENT_CLASSES = [
  { key: "none", min: null, max: null },
  { key: "lt25", min: 0, max: 25 },
  { key: "lt50", min: 25, max: 50 },
  { key: "lt75", min: 50, max: 75 },
  { key: "lt100", min: 75, max: 100 },
  { key: "done", min: 100, max: null },
] as const;
export type PercentClassKey = (typeof PERCENT_CLASSES)[number]["key"];

export function percentClass(percent: number | null): PercentClassKey {
  if (percent === null) return "none";
  if (percent < 25) return "lt25";
  if (percent < 50) return "lt50";
  if (percent < 75) return "lt75";
  if (percent < 100) return "lt100";
  return "done";
}
