// What the portal offers a signed-in account on a record, mirroring the server's rules
// (EnvGis.Core.Security.RecordPermissions, Workflow) so nobody is offered a button the server refuses.
// The server decides in the end; these only choose what to show and what to say before the click.

const CITY_LEVEL = ['department', 'city_department', 'economic_zone_authority'];
const REVIEWED = ['approved', 'published'];

/** Whether the account may approve (and publish) records of the owner unit. */
export function mayApprove(acc, ownerUnit) {
  if (!acc?.canWrite) {
    return false;
  }
  if (acc.role === 'administrator') {
    return true;
  }
  return acc.unit?.code === ownerUnit
    && (acc.role === 'approver' || (acc.role === 'editor' && Boolean(acc.unit?.selfApprove) && CITY_LEVEL.includes(acc.unit?.kind)));
}

/**
 * The actions on a record: `edit` is 'edit', 'propose' (a change to an approved or published record,
 * which goes back through approval) or null; `submit`, `remove` (archive), `restore` (an archived
 * record) and `history` are booleans.
 * @param {?Object} acc Account (/api/account/me).
 * @param {string} layer Layer name.
 * @param {{status: string, owner_unit?: string}} record The record's status and owner unit.
 */
export function recordActions(acc, layer, record) {
  const none = { edit: null, submit: false, remove: false, restore: false, history: false };
  if (!acc) {
    return none;
  }
  const admin = acc.role === 'administrator';
  const own = admin || record.owner_unit === acc.unit?.code;
  const writes = Boolean(acc.canWrite) && (acc.editableLayers ?? []).includes(layer) && own;
  const status = record.status;
  const reviewed = REVIEWED.includes(status);
  const approves = mayApprove(acc, record.owner_unit);
  return {
    edit: !writes || status === 'archived' ? null : reviewed && !approves ? 'propose' : 'edit',
    submit: writes && (status === 'draft' || status === 'rejected'),
    remove: writes && status !== 'archived' && (!reviewed || approves),
    restore: writes && status === 'archived',
    history: own,
  };
}

/**
 * The sentence that says what restoring a version does to the record, from the effect the server sends
 * with each history entry (`onRestore`: the status after the restore, whether it leaves the public map).
 * @param {{status: string, leavesPublicMap: boolean}|null|undefined} effect
 * @return {string} An i18n key.
 */
export function restoreOutcome(effect) {
  if (effect?.leavesPublicMap) {
    return 'history.restoreUnpublishes';
  }
  return effect?.status === 'submitted' ? 'history.restoreNeedsApproval' : 'history.restoreAsDraft';
}

/**
 * Whether the account may restore an older version of a record (RecordPermissions: a restore is a
 * change, so an approved or published record needs the right to approve it; an archived record
 * comes back through the record list's "restore").
 */
export function mayRestoreVersion(acc, layer, record) {
  const actions = recordActions(acc, layer, record);
  return actions.edit === 'edit' || (actions.restore && record.status === 'archived');
}
