package com.example.hublinks.link;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Links signed per second on one thread (issue 7's target: 3M/s). {@code sign} is the HMAC and
 * hex of a formatted URL; {@code link} adds formatting the URL (RFC 3986 encoding of the user id),
 * which is what the nightly job does per learner. Run with {@code ./mvnw -B -Pbench -DskipTests verify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LinkSignerBenchmark {

    private LinkSigner signer;
    private LinkTarget target;
    private String[] users;
    private String[] urls;
    private int next;

    @Setup
    public void setUp() {
        signer = new LinkSigner(new LinkFormat("https://learn.edume.com"),
                new SigningSecret("c4e867ae-bc05-11ec-8422-0242ac120002", "benchmark"));
        target = LinkTarget.dashboard(List.of(5L));
        users = new String[1024];
        urls = new String[users.length];
        for (int i = 0; i < users.length; i++) {
            users[i] = String.format("E%07d", i * 977);
            urls[i] = signer.format().unsignedUrl(target, users[i]);
        }
    }

    @Benchmark
    public String sign() {
        return signer.sign(urls[next++ & 1023]);
    }

    @Benchmark
    public String link() {
        return signer.link(target, users[next++ & 1023]);
    }
}
