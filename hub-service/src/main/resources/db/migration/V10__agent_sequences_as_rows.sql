-- Agent sync kept every missing sequence number in an array on the agent's row, rewritten by every batch with a
-- report of the agent. While a backlog drains, an agent's numbers arrive through several partitions at different
-- speeds, so those arrays held hundreds to thousands of numbers and each batch rewrote them (measured: 700-1,400
-- numbers per agent in a 300,000-report drain): a cost per batch that grew with the backlog.
-- Now each number received is one row (written once, like the report), the agent's row keeps only what a batch can
-- update without reading it (the last report and the highest number), and the gaps are computed when read.
-- V9 dropped an earlier agent_sequence that nothing read; this one is what the missing numbers are computed from.

create table agent_sequence (
    agent_id text   not null,
    sequence bigint not null check (sequence > 0),
    primary key (agent_id, sequence)
);

-- every number 1..highest that is not missing was received
insert into agent_sequence (agent_id, sequence)
select a.agent_id, s
from agent_sync a, generate_series(1, a.highest_sequence) s
where s <> all (a.missing_sequences);

alter table agent_sync rename to agent_sync_state;
alter table agent_sync_state drop column highest_contiguous_sequence, drop column missing_sequences;
alter index agent_sync_region rename to agent_sync_state_region;

-- What the read API shows, as before: missing numbers are the gaps below the highest number received.
create view agent_sync as
select s.agent_id, s.region_code, s.last_message_id, s.last_reported_at, s.last_received_at, s.highest_sequence,
       coalesce(g.first_missing - 1, s.highest_sequence) as highest_contiguous_sequence,
       coalesce(g.missing, '{}') as missing_sequences
from agent_sync_state s
left join lateral (
    select min(m) as first_missing, array_agg(m order by m) as missing
    from (select generate_series(r.previous + 1, r.sequence - 1) as m
          from (select q.sequence, lag(q.sequence, 1, 0::bigint) over (order by q.sequence) as previous
                from agent_sequence q where q.agent_id = s.agent_id) r
          where r.sequence > r.previous + 1) gaps
) g on true;
