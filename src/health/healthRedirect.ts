/**
 * Where a 3xx answer points, or why it cannot be followed (one line). Location may be relative;
 * only http: and https: are followed.
 */
export function redirectTarget(current: URL, status: number, location: string | undefined): URL | string {
  if (location === undefined || location.trim() === '') return `HTTP ${status} without Location`;
  if (!URL.canParse(location, current.href)) return `HTTP ${status} with a Location that is not a URL`;
  const target = new URL(location, current);
  if (target.protocol !== 'http:' && target.protocol !== 'https:')
    return `HTTP ${status} redirect to ${target.protocol} (only http: and https: are followed)`;
  return target;
}
