/** Runs the Excel double as Excel on web (jest.config.js projects). */
process.env.EXCEL_PLATFORM = 'web';
