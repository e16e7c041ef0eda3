package com.example.hublinks.scale;

import com.example.hublinks.support.SettingsException;
import java.util.HashMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.GenericMessage;

/**
 * The queue of a job's {@code signLinks} partition requests, kept in the PostgreSQL database the
 * manager and its workers share (Spring Integration's {@link JdbcChannelMessageStore}, table
 * {@code INT_CHANNEL_MESSAGE}): one message group per job name, so two jobs sharing a database
 * never take each other's partitions. Only requests (a step execution id) go through it, read back
 * through an allow-list; never a secret or a learner.
 */
final class PartitionRequests {

    private PartitionRequests() {
    }

    /** The queue of {@code job}'s requests; a database other than PostgreSQL ({@code databaseUrl}) stops the start. */
    static QueueChannel of(DataSource dataSource, String databaseUrl, String job) {
        if (!databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new SettingsException("hublinks.scale.mode", "remote needs a PostgreSQL database that the manager"
                    + " and every worker share; spring.datasource.url is " + databaseUrl.replaceFirst("[;?].*", "")
                    + " (use local, or a jdbc:postgresql: URL)");
        }
        JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
        store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
        store.setRegion("hublinks");
        // with any pattern given, only the classes listed (and strings, numbers) are read back
        store.addAllowedPatterns(StepExecutionRequest.class.getName(), GenericMessage.class.getName(),
                MessageHeaders.class.getName(), HashMap.class.getName(), UUID.class.getName());
        store.afterPropertiesSet();
        return new QueueChannel(new MessageGroupQueue(store, groupOf(job)));
    }

    /** Where the requests are, for the worker's console line. */
    static String describe(String job) {
        return "channel " + groupOf(job) + " in INT_CHANNEL_MESSAGE";
    }

    static String groupOf(String job) {
        return "signLinks:" + job;
    }
}
