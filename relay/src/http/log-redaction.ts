/**
 * Access tokens travel in the sync URL, under whatever spelling of `token` decodes to it
 * (`tok%65n=`); logs get the URL with every query value blanked (S6).
 */
export function redactUrl(url: string): string {
  return url.replace(/([?&][^=&#]*=)[^&#]*/g, '$1[redacted]');
}
