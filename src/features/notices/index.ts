/** Messages that stay until dismissed (ignored parts of a link, storage problems, imports). */
export { Notices } from './notices';
