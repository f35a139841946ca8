-- One index serves the lists: walking it in name order finds a page of `zoek` matches without
-- reading the rows that do not match, and counting the matches reads only the index.
DROP INDEX elements_org_kind_sort;
CREATE INDEX elements_org_kind_sort_search ON elements (organisation_id, kind, sort_name, id, search_text);
