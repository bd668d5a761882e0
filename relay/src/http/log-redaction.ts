/** Access tokens travel in the sync URL; logs get the URL with the token blanked. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/g, '$1[redacted]');
}
