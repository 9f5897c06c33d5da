package ae.rta.cctv.storage;

import ae.rta.cctv.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

final class DomainArchitectureTest {

    @Test
    void domainDependsOnJavaOnly() {
        ArchitectureRules.assertDomainIsPlainJava("ae.rta.cctv.storage");
    }
}
