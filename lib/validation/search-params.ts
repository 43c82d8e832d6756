/**
 * A query string (a URL's, URLSearchParams, or a page's searchParams) as a plain object for
 * zod: the first value of a repeated key, and an empty value taken as absent (a form's empty
 * field means "not chosen"). The one reading of query strings for pages, the API and downloads.
 */
export function searchParamsObject(params: URL | URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  const entries: Iterable<[string, string | string[] | undefined]> =
    params instanceof URL ? params.searchParams : params instanceof URLSearchParams ? params : Object.entries(params);
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (!(key in result) && first !== undefined && first !== "") result[key] = first;
  }
  return result;
}
