/** Finding a unit by Chinese name, pinyin or code. */
export { SearchBox } from './search-box';
