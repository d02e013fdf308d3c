-- The language a national report is written in (one of the six UN languages), said by the coordinator when the
-- cycle starts. The published page marks the report's own text with it (lang attribute), so a Chinese report read
-- in the English interface is still shaped, hyphenated and read aloud as Chinese. Null for cycles begun before:
-- not stated.
alter table review_cycle add column report_language varchar(8)
    check (report_language in ('en', 'fr', 'es', 'ar', 'zh', 'ru'));
