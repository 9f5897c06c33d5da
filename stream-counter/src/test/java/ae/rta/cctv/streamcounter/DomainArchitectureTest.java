package ae.rta.cctv.streamcounter;

import ae.rta.cctv.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

final class DomainArchitectureTest {

    @Test
    void domainDependsOnJavaOnly() {
        ArchitectureRules.assertDomainIsPlainJava("ae.rta.cctv.streamcounter");
    }
}
