-- Read API (rejected reports, agent sync status): indexes for the newest-first listing and the region filter.
create index rejected_report_newest on rejected_report (rejected_at desc, id desc);
create index agent_sync_region on agent_sync (region_code, agent_id);
