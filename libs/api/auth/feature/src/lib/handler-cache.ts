import type { ExecutionContext } from '@nestjs/common';

/**
 * A value computed once per route (controller class and handler), e.g. what its decorators say:
 * metadata never changes after boot, so guards need not walk it on every request.
 */
export class HandlerCache<T> {
  private readonly byClass = new WeakMap<object, Map<object, T>>();

  get(context: ExecutionContext, compute: (context: ExecutionContext) => T): T {
    const classRef = context.getClass();
    const handler = context.getHandler();
    let handlers = this.byClass.get(classRef);
    if (handlers === undefined) {
      handlers = new Map();
      this.byClass.set(classRef, handlers);
    }
    if (handlers.has(handler)) return handlers.get(handler) as T;
    const value = compute(context);
    handlers.set(handler, value);
    return value;
  }
}
