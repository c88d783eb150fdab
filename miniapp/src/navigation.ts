import { miniappPages } from '@xinyuan/shared'

/** Every page's path, in one place (shared with the server, which links subscribe messages to them). */
export const pagePaths = miniappPages
