// The fields an event's hash covers, from its history_events row as either database answers it
// (PostgreSQL answers bigint columns as text), for the tests that check or forge the chain by hand.
// Plain JavaScript, so that the instance tests, which run the built server under node --test, share it.
export function hashedEventFields(row, prevHash = row.prev_hash) {
  return {
    itemId: row.item_id,
    seq: Number(row.seq),
    action: row.action,
    fromState: row.from_state,
    toState: row.to_state,
    changes: row.changes,
    reason: row.reason,
    effectiveOn: row.effective_on,
    meetingId: row.meeting_id,
    source: row.source,
    batchId: row.batch_id,
    actor: row.actor,
    recordedAt: row.recorded_at,
    prevHash,
    partyId: row.party_id ?? null,
    stance: row.stance ?? null,
    corrects: nullableNumber(row.corrects),
    retracts: nullableNumber(row.retracts),
    score: row.score ?? null,
  };
}

function nullableNumber(value) {
  return value === null || value === undefined ? null : Number(value);
}
