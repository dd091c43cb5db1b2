/**
 * `mapped(items, fn)` is `items.map(fn)` built with `push`, and the core uses it instead of `Array.prototype.map`.
 *
 * Why: V8 (Node 20) returns a packed array from the built-in `map` but a holey one from the `map` that the
 * optimising compiler inlines. So when a function that maps gets optimised, the arrays it hands on change
 * their hidden class, and every optimised function that reads them is thrown back to the interpreter
 * ("wrong map") and compiled again. With the core's large functions, those recompilations kept the compiler
 * busy for seconds: in a batch of 2,000 reports, 20 of the 21 deoptimisations were this. An array built with
 * `push` is packed whichever way the code runs.
 */
export function mapped<T, U>(items: readonly T[], fn: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < items.length; i++) out.push(fn(items[i], i));
  return out;
}
