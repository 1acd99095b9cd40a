-- The sequence numbers received from an agent as ranges on the agent's row instead of one agent_sequence row each.
-- An agent numbers its reports 1, 2, 3, ... and they arrive mostly in runs, so a batch adds one or a few ranges per
-- agent where it inserted one row (and one index entry) per report: a third of the rows a drain wrote, and measured
-- at about 14 % of the hub's drain throughput (docs/benchmarks.md, "Ingest"). The union of ranges (PostgreSQL's
-- multirange, 14 and later) is commutative, so two consumers or two hub instances still write without reading first.

alter table agent_sync_state add column received int8multirange not null default '{}';

update agent_sync_state s
set received = r.received
from (select agent_id, range_agg(int8range(sequence, sequence, '[]')) as received
      from agent_sequence group by agent_id) r
where r.agent_id = s.agent_id;

drop view agent_sync;
drop table agent_sequence;
alter table agent_sync_state drop column received_sequences;

-- What the read API shows, as before: missing numbers are the gaps below the highest number received; the highest
-- contiguous number is the end of the first range when it starts at 1.
create view agent_sync as
select s.agent_id, s.region_code, s.last_message_id, s.last_reported_at, s.last_received_at, s.highest_sequence,
       case when s.received @> 1::bigint
            then (select upper(r) - 1 from unnest(s.received) r order by r limit 1)
            else 0 end as highest_contiguous_sequence,
       coalesce((select array_agg(n order by n)
                 from unnest(int8multirange(int8range(1, s.highest_sequence + 1)) - s.received) gap,
                      generate_series(lower(gap), upper(gap) - 1) n), '{}') as missing_sequences
from agent_sync_state s;
