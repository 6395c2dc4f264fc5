import { request } from "./http";
import type { Reservation } from "./types";

/** GET /api/reservation — what a saved token still holds; 401 `invalid_token` when it is gone. */
export async function fetchReservation(token: string, signal?: AbortSignal): Promise<Reservation> {
  return (await request<Reservation>("GET", "/api/reservation", { token, signal })).data;
}
