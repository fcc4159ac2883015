import {
  breakGlassReasonLabels,
  isBreakGlassReasonCode,
} from '../../../../domain/break-glass/reason-codes.ts';
import { breakGlassOutcomeLabels } from '../../../../domain/break-glass/review-outcomes.ts';
import { roleLabels, type Role } from '../../../../domain/partnership/roles.ts';
import { humanise } from '../../format.ts';

export function reasonLabel(code: string): string {
  return isBreakGlassReasonCode(code) ? breakGlassReasonLabels[code].label : humanise(code);
}

export function outcomeLabel(outcome: string | null): string {
  if (outcome === null) return 'Not reviewed yet';
  return (breakGlassOutcomeLabels as Record<string, string>)[outcome] ?? humanise(outcome);
}

export function roleLabel(role: string): string {
  return (roleLabels as Record<Role, string>)[role as Role] ?? humanise(role);
}
