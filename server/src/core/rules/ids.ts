/** Late-bound list of rule ids (avoids an import cycle between the registry and rules that need it). */
let ids: () => string[] = () => [];

export function setRuleIds(f: () => string[]): void {
  ids = f;
}

export function RULE_IDS(): string[] {
  return ids();
}
