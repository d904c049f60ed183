/** The county report card: a button in the details that opens a printable card (loaded on first use). */
export { ReportCardButton } from './report-button';
