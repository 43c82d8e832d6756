"use client";
// Date, week and file boxes that read and write as Vietnamese do, whatever the browser's
// language: a native date box shows "12/04/2026" or "mm/dd/yyyy" in an American browser, a
// week box "Week 48, 2026", a file box "Choose File". These are text boxes read by a strict
// parser (lib/domain/date-input.ts): dd/mm/yyyy and "Tuần 48/2026" in either language of the
// interface, a clear message on what cannot be read, and the form receives the ISO value
// (2026-12-04, 2026-W48) in a hidden field under the given name, so the server's checks stay as
// they are. Something unreadable is sent as typed, for the server to refuse too. The words come
// from the catalogue (nav.client.dateInput), through the root layout's client text.
import { useId, useState, type ChangeEvent } from "react";
import { useClientText } from "@/components/i18n/client-text";
import { formatDayInput, formatWeekInput, parseDayInput, parseWeekInput, type DayInputError, type WeekInputError } from "@/lib/domain/date-input";
import { fill } from "@/lib/i18n/fill";
import { INPUT } from "./styles";

type Words = NonNullable<ReturnType<typeof useClientText>>["dateInput"];

function dayError(words: Words | undefined, error: DayInputError, text: string): string {
  if (!words) return "";
  const [day = "", month = "", year = ""] = text.trim().split(/\s*[/.-]\s*/);
  return fill(words.errors[error], { day, month, year });
}

const WEEK_ERRORS: Record<WeekInputError, keyof Words["errors"]> = {
  empty: "weekEmpty", format: "weekFormat", twoDigitYear: "weekTwoDigitYear", year: "year", week: "weekNumber", week53: "week53",
};

function weekError(words: Words | undefined, error: WeekInputError, text: string): string {
  if (!words) return "";
  const year = /(\d+)\s*$/.exec(text.trim())?.[1] ?? "";
  return fill(words.errors[WEEK_ERRORS[error]], { year });
}

interface BoxProps {
  name: string;
  /** ISO value: "2026-12-04" for a day, "2026-W48" for a week */
  defaultValue?: string | undefined;
  id?: string;
  className?: string;
  required?: boolean;
  /** the format hint under the box (off in compact filter bars, where the placeholder says it) */
  hint?: boolean;
}

/** The hint under a box and the message when it cannot be read, announced as it changes. */
function Feedback({ id, hint, error }: { id: string; hint: string; error: string }) {
  return (
    <span id={id} aria-live="polite" className={`text-xs ${error ? "text-red-700" : "text-slate-500"} ${error || hint ? "" : "sr-only"}`}>{error || hint}</span>
  );
}

/** A day as dd/mm/yyyy; `max` (ISO) refuses later days (the entry grid: not after today). */
/** `onDay`: told the typed day (ISO) as it becomes one, "" while it is not one (a form held in state). */
export function DayInput({ name, defaultValue, id, className = INPUT, required = false, hint = true, max, onDay }: BoxProps & { max?: string; onDay?: (day: string) => void }) {
  const words = useClientText()?.dateInput;
  const feedbackId = useId();
  const [text, setText] = useState(formatDayInput(defaultValue ?? ""));
  const [error, setError] = useState("");
  const parsed = parseDayInput(text);
  const value = parsed.ok ? parsed.day : text.trim();
  const check = () => {
    if (parsed.ok) setError(max && parsed.day > max && words ? fill(words.errors.after, { day: formatDayInput(max) }) : "");
    else setError(text.trim() === "" && !required ? "" : dayError(words, parsed.error, text));
  };
  return (
    <>
      <input
        id={id} type="text" inputMode="numeric" autoComplete="off" spellCheck={false} value={text} required={required}
        placeholder={words?.dayPlaceholder} aria-invalid={error ? true : undefined} aria-describedby={feedbackId}
        onChange={(e: ChangeEvent<HTMLInputElement>) => {
          setText(e.target.value);
          if (error) setError("");
          if (onDay) { const next = parseDayInput(e.target.value); onDay(next.ok ? next.day : ""); }
        }}
        onBlur={check} className={`${className} tabular`} data-date-input="day"
      />
      <input type="hidden" name={name} value={value} />
      <Feedback id={feedbackId} hint={hint ? (words?.dayHint ?? "") : ""} error={error} />
    </>
  );
}

/** An ISO week as "Tuần 48/2026" ("Week 48/2026" in English): the word before the box, week/year in it. */
export function WeekInput({ name, defaultValue, id, className = INPUT, required = false, hint = true }: BoxProps) {
  const words = useClientText()?.dateInput;
  const feedbackId = useId();
  const [text, setText] = useState(formatWeekInput(defaultValue ?? ""));
  const [error, setError] = useState("");
  const parsed = parseWeekInput(text);
  const value = parsed.ok ? parsed.iso : text.trim();
  const check = () => setError(parsed.ok || (text.trim() === "" && !required) ? "" : weekError(words, parsed.error, text));
  return (
    <>
      <span className="flex items-center gap-1.5">
        <span aria-hidden="true">{words?.weekPrefix}</span>
        <input
          id={id} type="text" inputMode="numeric" autoComplete="off" spellCheck={false} value={text} required={required}
          placeholder={words?.weekPlaceholder} aria-invalid={error ? true : undefined} aria-describedby={feedbackId}
          onChange={(e: ChangeEvent<HTMLInputElement>) => { setText(e.target.value); if (error) setError(""); }}
          onBlur={check} className={`${className} tabular w-28`} data-date-input="week"
        />
      </span>
      <input type="hidden" name={name} value={value} />
      <Feedback id={feedbackId} hint={hint ? (words?.weekHint ?? "") : ""} error={error} />
    </>
  );
}

/**
 * A file box whose button and "no file" text are the catalogue's. The native input stays (it
 * is what opens the system's picker and what the form sends) but is visually hidden; it keeps
 * the keyboard focus, shown on the button. Put it inside a <label> (or give it `id` and a
 * label's htmlFor) so a click on the button opens the picker.
 */
export function FileInput({ name, id, accept, onChange }: { name?: string; id?: string; accept: string; onChange?: (event: ChangeEvent<HTMLInputElement>) => void }) {
  const words = useClientText()?.dateInput;
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <input
        id={id} name={name} type="file" accept={accept} className="peer sr-only"
        onChange={(e) => { setFileName(e.target.files?.[0]?.name ?? null); onChange?.(e); }}
      />
      <span aria-hidden="true" className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold text-slate-800 hover:bg-slate-100 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
        {words?.chooseFile}
      </span>
      <span className="text-slate-700" data-testid="file-name">{fileName ?? words?.noFile}</span>
    </span>
  );
}
