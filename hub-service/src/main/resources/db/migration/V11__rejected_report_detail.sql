-- Technical detail of a rejection (exception text, offsets), for staff: kept apart so the Spanish message sent to
-- the region never carries English exception text inside it. Null for rule findings, which need none.
alter table rejected_report add column detail text;
