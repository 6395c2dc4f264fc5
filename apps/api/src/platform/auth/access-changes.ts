import { EventEmitter } from "node:events";

/**
 * Tells this process's long-lived streams that a user's access changed (role, towns, domains, disabled, a new
 * password): each stream of that user ends at once. Streams of other processes see the change on their next
 * poll of the session (a few seconds).
 */
export class AccessChanges {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  /** Calls `listener` when the user's access changes; returns the unsubscribe. */
  onChange(userId: number, listener: () => void): () => void {
    const name = String(userId);
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }

  changed(userId: number): void {
    this.emitter.emit(String(userId));
  }
}
