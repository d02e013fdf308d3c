-- Indexes the benchmark showed missing (docs/benchmarks.md, ./mvnw -Pbench verify).

-- The consultation page lists the signed-in stakeholder's own inputs on every view and after every input
-- (Consultations.inputsBy: window and author, in order). Without this index PostgreSQL read every input of the
-- window through consultation_input_window_idx and filtered by author, so the page got slower with each input
-- any organisation sent; with it, the page reads only the user's own rows, already in order.
create index consultation_input_author_idx on consultation_input (window_id, author_user_id, submitted_at, id);
