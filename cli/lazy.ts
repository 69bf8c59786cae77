/**
 * Command actions are loaded only when a command runs, so that `lla --help`
 * compiles none of them: `const lazy = lazyActions(() => import('./x-actions.js'))`
 * then `.action(run((app, o) => lazy('doIt')(app, o)))`.
 */
export function lazyActions<A>(load: () => Promise<A>) {
  return <K extends keyof A>(name: K): A[K] =>
    (async (...args: unknown[]) => ((await load())[name] as (...a: unknown[]) => Promise<void>)(...args)) as unknown as A[K];
}
