-- Sign-in throttling (docs/hardening.md): attempts counted in the database, one row per key, so parallel
-- guesses are counted exactly (row locks of one upsert) and every server node shares the counts.
-- Keys: 'pair:<user>|<client>' (one client against one account), 'client:<client>' (one client against
-- any account), 'account:<user>' (every client against one account; only clients that never signed in
-- to it are held back by this one, so strangers cannot lock its holder out).
CREATE TABLE envgis.sign_in_throttle (
    key           text PRIMARY KEY,
    attempts      integer NOT NULL,
    window_start  timestamptz NOT NULL
);
CREATE INDEX sign_in_throttle_window_idx ON envgis.sign_in_throttle (window_start);

-- Finding whether a client signed in to an account before (the account limit spares those clients).
CREATE INDEX sign_ins_success_idx ON envgis.sign_ins (user_id, remote_address) WHERE succeeded;
