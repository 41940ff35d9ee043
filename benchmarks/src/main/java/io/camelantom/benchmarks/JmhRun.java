package io.camelantom.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH benchmarks (one fork, one thread), run from the harness so their figures land in the same report. */
final class JmhRun {

    record Score(String benchmark, String params, double score, double error, String unit) {
    }

    private JmhRun() {
    }

    static List<Score> run(String include, int iterationSeconds) throws Exception {
        Options options = new OptionsBuilder().include(include).forks(1).threads(1)
                .warmupIterations(2).warmupTime(TimeValue.seconds(iterationSeconds))
                .measurementIterations(3).measurementTime(TimeValue.seconds(iterationSeconds))
                .timeUnit(TimeUnit.SECONDS).jvmArgs("-Xmx512m").build();
        Collection<RunResult> results = new Runner(options).run();
        List<Score> scores = new ArrayList<>();
        for (RunResult result : results) {
            var params = result.getParams();
            StringBuilder p = new StringBuilder();
            for (String key : params.getParamsKeys()) {
                p.append(p.length() == 0 ? "" : ",").append(key).append('=').append(params.getParam(key));
            }
            String name = params.getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            scores.add(new Score(name, p.toString(), result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreError(), result.getPrimaryResult().getScoreUnit()));
        }
        return scores;
    }
}
