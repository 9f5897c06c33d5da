package ae.rta.cctv.vms;

import ae.rta.cctv.vms.application.DemoCameras;
import ae.rta.cctv.vms.application.port.out.CameraRepository;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VmsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "cctv.demo", havingValue = "true")
    ApplicationRunner seedDemoCameras(CameraRepository cameras) {
        return args -> new DemoCameras(cameras).seed();
    }
}
