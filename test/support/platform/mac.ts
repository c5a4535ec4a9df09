/** Runs the Excel double as Excel on mac (jest.config.js projects). */
process.env.EXCEL_PLATFORM = 'mac';
// The mutation fuzz test's 60 cases run on the web setting; 20 here keep three platforms cheap.
process.env.EXCEL_FUZZ_RUNS ??= '20';
