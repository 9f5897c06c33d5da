package ae.rta.cctv.storage.adapter.out;

import ae.rta.cctv.storage.ObjectStoreContract;
import ae.rta.cctv.storage.adapter.out.s3.S3ObjectStore;
import ae.rta.cctv.storage.application.port.out.ObjectStore;
import ae.rta.cctv.testsupport.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

final class S3ObjectStoreTest extends ObjectStoreContract {

    private static S3TestServer server;
    private static S3ObjectStore store;

    @BeforeAll
    static void start() {
        server = S3TestServer.start();
        store = new S3ObjectStore(server.endpoint(), "us-east-1", "footage", S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY);
        store.ensureBucket();
    }

    @AfterAll
    static void stop() {
        store.close();
        server.close();
    }

    @Override
    protected ObjectStore store() {
        return store;
    }
}
