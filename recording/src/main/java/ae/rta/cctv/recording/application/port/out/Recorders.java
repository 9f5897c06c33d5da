package ae.rta.cctv.recording.application.port.out;

import ae.rta.cctv.common.domain.CameraId;

/** Starts the process that records one camera into the spool. */
public interface Recorders {

    /** A running recording; it restarts its own process when it fails, until stopped. */
    interface Recording {
        /** Stops recording; the segment in progress is finished and sealed. */
        void stop();

        /**
         * Finishes the segment in progress and starts a new recording run at once, asking the camera catalog again
         * where and how to pull (a changed audio setting, above all).
         *
         * @param reason why, in words, for the log and the short gap between the runs
         */
        void restart(String reason);
    }

    /** @param fence the lease token every segment of this recording carries */
    Recording start(CameraId camera, long fence);
}
