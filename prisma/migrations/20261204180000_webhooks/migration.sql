-- Outbound webhooks: creditor endpoints and one delivery row per event and endpoint.

-- CreateTable
CREATE TABLE `webhook_endpoints` (
    `id` VARCHAR(191) NOT NULL,
    `creditorId` VARCHAR(191) NOT NULL,
    `url` VARCHAR(500) NOT NULL,
    `secret` VARCHAR(100) NOT NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `webhook_endpoints_creditorId_idx`(`creditorId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `webhook_deliveries` (
    `id` VARCHAR(36) NOT NULL,
    `endpointId` VARCHAR(191) NOT NULL,
    `eventId` BIGINT NOT NULL,
    `status` ENUM('PENDING', 'DELIVERED', 'DEAD') NOT NULL DEFAULT 'PENDING',
    `attempts` INTEGER NOT NULL DEFAULT 0,
    `nextAttemptAt` DATETIME(3) NOT NULL,
    `claimToken` VARCHAR(36) NULL,
    `claimedUntil` DATETIME(3) NULL,
    `lastStatusCode` INTEGER NULL,
    `lastError` VARCHAR(500) NULL,
    `deliveredAt` DATETIME(3) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `webhook_deliveries_status_nextAttemptAt_idx`(`status`, `nextAttemptAt`),
    INDEX `webhook_deliveries_claimToken_idx`(`claimToken`),
    UNIQUE INDEX `webhook_deliveries_endpointId_eventId_key`(`endpointId`, `eventId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `webhook_endpoints` ADD CONSTRAINT `webhook_endpoints_creditorId_fkey` FOREIGN KEY (`creditorId`) REFERENCES `creditors`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `webhook_deliveries` ADD CONSTRAINT `webhook_deliveries_endpointId_fkey` FOREIGN KEY (`endpointId`) REFERENCES `webhook_endpoints`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `webhook_deliveries` ADD CONSTRAINT `webhook_deliveries_eventId_fkey` FOREIGN KEY (`eventId`) REFERENCES `case_events`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
