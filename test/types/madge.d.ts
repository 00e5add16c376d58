// madge ships no types: the part of its API the architecture test uses.
declare module 'madge' {
  interface MadgeConfig {
    baseDir?: string
    fileExtensions?: string[]
    includeNpm?: boolean
    detectiveOptions?: { ts?: { skipTypeImports?: boolean } }
  }
  interface MadgeResult {
    /** Every module with the modules it imports, as paths relative to baseDir. */
    obj(): Record<string, string[]>
    /** Each import cycle as the modules in it. */
    circular(): string[][]
  }
  export default function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>
}
