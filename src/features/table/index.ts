/** Every unit in a sortable, filterable table, with CSV downloads (its dialog loads on first use). */
export { TableButton, TableDialog } from './table-button';
