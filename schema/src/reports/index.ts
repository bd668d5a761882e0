export { csvText, reportToCsv } from './report-csv.js';
export type { ReportInput, ReportTable, ReportTransaction } from './report-input.js';
export { categoryTrend, incomeVersusExpense, netWorthOverTime, spendingByCategory } from './reports.js';
