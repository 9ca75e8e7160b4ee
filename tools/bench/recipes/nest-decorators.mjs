// Plain JavaScript has no decorator syntax: these apply Nest's decorators the way TypeScript's
// compiled output does, so the recipes read like their TypeScript originals.
import 'reflect-metadata';

/** `@decorators` on a class. */
export function decorateClass(target, ...decorators) {
  return Reflect.decorate(decorators, target);
}

/** `@decorators` on a method of a class. */
export function decorateMethod(target, method, ...decorators) {
  const descriptor = Object.getOwnPropertyDescriptor(target.prototype, method);
  Object.defineProperty(target.prototype, method, Reflect.decorate(decorators, target.prototype, method, descriptor));
}

/** A parameter decorator (`@Req()`) on parameter `index` of a method. */
export function decorateParameter(target, method, index, decorator) {
  decorator(target.prototype, method, index);
}
