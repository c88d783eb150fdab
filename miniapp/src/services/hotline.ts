import { apiRoutes as routes, type BodyOf, type CallerTicketView, type HotlineStatusView } from '@xinyuan/shared'
import { callRoute, type CallOptions } from './callRoute'

/** GET /hotline/status (public): open or closed, hours, waiting count and the server's honest estimate. */
export function getHotlineStatus(options?: CallOptions): Promise<HotlineStatusView> {
  return callRoute<HotlineStatusView>(routes.hotlineStatus, {}, options)
}

/** GET /hotline/tickets/current: the active ticket, or the one that ended in the last day. */
export async function getCurrentTicket(options?: CallOptions): Promise<CallerTicketView | null> {
  const { ticket } = await callRoute<{ ticket: CallerTicketView | null }>(routes.currentHotlineTicket, {}, options)
  return ticket
}

/** POST /hotline/tickets: "call me back" or "I'll call the hotline". */
export function joinHotline(body: BodyOf<typeof routes.joinHotline>, options?: CallOptions): Promise<CallerTicketView> {
  return callRoute<CallerTicketView, typeof routes.joinHotline>(routes.joinHotline, { body }, options)
}

/** POST /hotline/tickets/:id/cancel (idempotent). */
export function cancelTicket(id: string, options?: CallOptions): Promise<CallerTicketView> {
  return callRoute<CallerTicketView>(routes.cancelHotlineTicket, { params: { id } }, options)
}
