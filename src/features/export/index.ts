/** PNG exports of the view. */
export { ExportMenu } from './export-menu';
