-- Scheduled job runs: one row per run, with counts and errors, readable by staff.

-- CreateTable
CREATE TABLE `job_runs` (
    `id` VARCHAR(191) NOT NULL,
    `job` VARCHAR(64) NOT NULL,
    `trigger` ENUM('SCHEDULE', 'MANUAL') NOT NULL,
    `status` ENUM('RUNNING', 'SUCCEEDED', 'FAILED') NOT NULL,
    `instance` VARCHAR(128) NOT NULL,
    `startedAt` DATETIME(3) NOT NULL,
    `finishedAt` DATETIME(3) NULL,
    `counts` JSON NULL,
    `error` VARCHAR(1000) NULL,

    INDEX `job_runs_job_startedAt_idx`(`job`, `startedAt`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
