package org.gcmreview.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * Runs on an app node right after a test timer fired, in the timer job's transaction: records which process
 * instance's timer ran on which node (system property gcm.node). Being in the job's transaction, a row exists
 * exactly when the job's work was committed; a job run twice would leave two rows. Not a Spring bean: named by
 * class in the test BPMN, and copied to the nodes' classpath by the test.
 */
public class RecordTimerRun implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) throws SQLException {
        Connection connection = Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into reliability_timer_run (process_instance_id, node) values (?, ?)")) {
            insert.setString(1, execution.getProcessInstanceId());
            insert.setString(2, System.getProperty("gcm.node", "unknown"));
            insert.executeUpdate();
        }
    }
}
