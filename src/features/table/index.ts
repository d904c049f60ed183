/** Every unit in a sortable, filterable table, with CSV downloads. */
export { TableButton, TableDialog } from './table-view';
