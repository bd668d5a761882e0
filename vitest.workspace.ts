// The one list of Tally's test projects. Vitest 4 reads it through vitest.config.ts.
export default ['schema', 'relay', 'app', 'app/vitest.browser.config.ts'];
