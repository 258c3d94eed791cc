-- Incasso Hub: creditors, keys, debtors, cases and their claims, timeline, communications,
-- payments, arrangements, statutory interest rates, partners and assignments.

-- CreateTable
CREATE TABLE `creditors` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `vatDeductible` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `api_keys` (
    `id` VARCHAR(191) NOT NULL,
    `prefix` VARCHAR(24) NOT NULL,
    `secretHash` CHAR(64) NOT NULL,
    `kind` ENUM('CREDITOR', 'PARTNER', 'STAFF') NOT NULL,
    `scopes` VARCHAR(200) NOT NULL,
    `label` VARCHAR(200) NOT NULL,
    `creditorId` VARCHAR(191) NULL,
    `partnerId` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `lastUsedAt` DATETIME(3) NULL,
    `revokedAt` DATETIME(3) NULL,

    UNIQUE INDEX `api_keys_prefix_key`(`prefix`),
    INDEX `api_keys_creditorId_idx`(`creditorId`),
    INDEX `api_keys_partnerId_idx`(`partnerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `debtors` (
    `id` VARCHAR(191) NOT NULL,
    `creditorId` VARCHAR(191) NOT NULL,
    `kind` ENUM('CONSUMER', 'BUSINESS') NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `addressLine` VARCHAR(200) NULL,
    `postalCode` VARCHAR(20) NULL,
    `city` VARCHAR(100) NULL,
    `countryCode` CHAR(2) NOT NULL,
    `languageCode` VARCHAR(8) NOT NULL DEFAULT 'nl',
    `email` VARCHAR(254) NULL,
    `phone` VARCHAR(32) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `debtors_creditorId_idx`(`creditorId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `cases` (
    `id` VARCHAR(191) NOT NULL,
    `creditorId` VARCHAR(191) NOT NULL,
    `debtorId` VARCHAR(191) NOT NULL,
    `creditorReference` VARCHAR(64) NOT NULL,
    `submissionHash` CHAR(64) NOT NULL,
    `status` ENUM('SUBMITTED', 'WIK_NOTICE', 'REMINDERS', 'ARRANGEMENT', 'DISPUTED', 'PARTNER_ABROAD', 'BAILIFF_VISIT', 'LEGAL', 'MONITORING', 'PAID', 'WITHDRAWN', 'WRITTEN_OFF', 'CLOSED') NOT NULL DEFAULT 'SUBMITTED',
    `statusBeforeDispute` ENUM('SUBMITTED', 'WIK_NOTICE', 'REMINDERS', 'ARRANGEMENT', 'DISPUTED', 'PARTNER_ABROAD', 'BAILIFF_VISIT', 'LEGAL', 'MONITORING', 'PAID', 'WITHDRAWN', 'WRITTEN_OFF', 'CLOSED') NULL,
    `currency` CHAR(3) NOT NULL DEFAULT 'EUR',
    `interestKind` ENUM('CONSUMER', 'COMMERCIAL') NOT NULL,
    `principalAmount` DECIMAL(15, 2) NOT NULL,
    `costsAmount` DECIMAL(15, 2) NOT NULL DEFAULT 0,
    `costsVatAmount` DECIMAL(15, 2) NOT NULL DEFAULT 0,
    `costsChargeableFrom` DATE NULL,
    `paidAmount` DECIMAL(15, 2) NOT NULL DEFAULT 0,
    `interestFrozenOn` DATE NULL,
    `balanceAmount` DECIMAL(15, 2) NOT NULL,
    `nextActionOn` DATE NULL,
    `prescriptionOn` DATE NULL,
    `version` INTEGER NOT NULL DEFAULT 1,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `updatedAt` DATETIME(3) NOT NULL,
    `closedAt` DATETIME(3) NULL,

    INDEX `cases_creditorId_status_idx`(`creditorId`, `status`),
    INDEX `cases_creditorId_createdAt_idx`(`creditorId`, `createdAt`),
    INDEX `cases_status_nextActionOn_idx`(`status`, `nextActionOn`),
    UNIQUE INDEX `cases_creditorId_creditorReference_key`(`creditorId`, `creditorReference`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `claims` (
    `id` VARCHAR(191) NOT NULL,
    `caseId` VARCHAR(191) NOT NULL,
    `invoiceNumber` VARCHAR(64) NOT NULL,
    `invoiceDate` DATE NOT NULL,
    `dueDate` DATE NOT NULL,
    `amount` DECIMAL(15, 2) NOT NULL,
    `description` VARCHAR(500) NULL,

    UNIQUE INDEX `claims_caseId_invoiceNumber_key`(`caseId`, `invoiceNumber`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `case_events` (
    `id` BIGINT NOT NULL AUTO_INCREMENT,
    `caseId` VARCHAR(191) NOT NULL,
    `creditorId` VARCHAR(191) NOT NULL,
    `type` VARCHAR(64) NOT NULL,
    `payload` JSON NOT NULL,
    `actorKind` ENUM('CREDITOR', 'PARTNER', 'STAFF', 'SYSTEM') NOT NULL,
    `actorKeyId` VARCHAR(191) NULL,
    `occurredAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    INDEX `case_events_caseId_id_idx`(`caseId`, `id`),
    INDEX `case_events_creditorId_id_idx`(`creditorId`, `id`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `communications` (
    `id` VARCHAR(191) NOT NULL,
    `caseId` VARCHAR(191) NOT NULL,
    `kind` ENUM('WIK_NOTICE', 'REMINDER', 'ARRANGEMENT_CONFIRMATION') NOT NULL,
    `channel` ENUM('LETTER', 'EMAIL', 'SMS', 'PHONE') NOT NULL,
    `sentAt` DATETIME(3) NOT NULL,
    `postedOn` DATE NULL,
    `termEndsOn` DATE NULL,
    `costsAnnounced` DECIMAL(15, 2) NULL,

    INDEX `communications_caseId_idx`(`caseId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `payments` (
    `id` VARCHAR(191) NOT NULL,
    `caseId` VARCHAR(191) NOT NULL,
    `amount` DECIMAL(15, 2) NOT NULL,
    `receivedOn` DATE NOT NULL,
    `source` ENUM('DEBTOR_TO_AGENCY', 'CREDITOR_DIRECT', 'PARTNER_REMITTANCE') NOT NULL,
    `externalReference` VARCHAR(128) NOT NULL,
    `designatedClaimId` VARCHAR(191) NULL,
    `recordedByKeyId` VARCHAR(191) NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `payments_caseId_source_externalReference_key`(`caseId`, `source`, `externalReference`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `payment_arrangements` (
    `id` VARCHAR(191) NOT NULL,
    `caseId` VARCHAR(191) NOT NULL,
    `status` ENUM('PROPOSED', 'ACTIVE', 'BREACHED', 'COMPLETED', 'CANCELLED') NOT NULL DEFAULT 'PROPOSED',
    `totalAmount` DECIMAL(15, 2) NOT NULL,
    `graceDays` INTEGER NOT NULL DEFAULT 7,
    `proposedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `acceptedAt` DATETIME(3) NULL,
    `endedAt` DATETIME(3) NULL,

    INDEX `payment_arrangements_caseId_idx`(`caseId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `instalments` (
    `id` VARCHAR(191) NOT NULL,
    `arrangementId` VARCHAR(191) NOT NULL,
    `sequence` INTEGER NOT NULL,
    `dueOn` DATE NOT NULL,
    `amount` DECIMAL(15, 2) NOT NULL,
    `paidAmount` DECIMAL(15, 2) NOT NULL DEFAULT 0,

    UNIQUE INDEX `instalments_arrangementId_sequence_key`(`arrangementId`, `sequence`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `interest_rates` (
    `id` VARCHAR(191) NOT NULL,
    `kind` ENUM('CONSUMER', 'COMMERCIAL') NOT NULL,
    `effectiveFrom` DATE NOT NULL,
    `ratePercent` DECIMAL(6, 3) NOT NULL,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    UNIQUE INDEX `interest_rates_kind_effectiveFrom_key`(`kind`, `effectiveFrom`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `partners` (
    `id` VARCHAR(191) NOT NULL,
    `name` VARCHAR(200) NOT NULL,
    `kind` ENUM('COLLECTION_AGENCY', 'BAILIFF', 'LAWYER', 'DEBT_HELP', 'CREDIT_DATA') NOT NULL,
    `countries` VARCHAR(500) NOT NULL,
    `baseUrl` VARCHAR(500) NULL,
    `active` BOOLEAN NOT NULL DEFAULT true,
    `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- CreateTable
CREATE TABLE `partner_assignments` (
    `id` VARCHAR(191) NOT NULL,
    `caseId` VARCHAR(191) NOT NULL,
    `partnerId` VARCHAR(191) NOT NULL,
    `externalId` VARCHAR(128) NULL,
    `remoteStatus` VARCHAR(64) NULL,
    `assignedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    `endedAt` DATETIME(3) NULL,
    `lastSyncedAt` DATETIME(3) NULL,

    INDEX `partner_assignments_partnerId_idx`(`partnerId`),
    UNIQUE INDEX `partner_assignments_caseId_partnerId_key`(`caseId`, `partnerId`),
    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- AddForeignKey
ALTER TABLE `api_keys` ADD CONSTRAINT `api_keys_creditorId_fkey` FOREIGN KEY (`creditorId`) REFERENCES `creditors`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `api_keys` ADD CONSTRAINT `api_keys_partnerId_fkey` FOREIGN KEY (`partnerId`) REFERENCES `partners`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `debtors` ADD CONSTRAINT `debtors_creditorId_fkey` FOREIGN KEY (`creditorId`) REFERENCES `creditors`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `cases` ADD CONSTRAINT `cases_creditorId_fkey` FOREIGN KEY (`creditorId`) REFERENCES `creditors`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `cases` ADD CONSTRAINT `cases_debtorId_fkey` FOREIGN KEY (`debtorId`) REFERENCES `debtors`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `claims` ADD CONSTRAINT `claims_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `cases`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `case_events` ADD CONSTRAINT `case_events_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `cases`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `communications` ADD CONSTRAINT `communications_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `cases`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `payments` ADD CONSTRAINT `payments_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `cases`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `payments` ADD CONSTRAINT `payments_designatedClaimId_fkey` FOREIGN KEY (`designatedClaimId`) REFERENCES `claims`(`id`) ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE `payment_arrangements` ADD CONSTRAINT `payment_arrangements_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `cases`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `instalments` ADD CONSTRAINT `instalments_arrangementId_fkey` FOREIGN KEY (`arrangementId`) REFERENCES `payment_arrangements`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `partner_assignments` ADD CONSTRAINT `partner_assignments_caseId_fkey` FOREIGN KEY (`caseId`) REFERENCES `cases`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE `partner_assignments` ADD CONSTRAINT `partner_assignments_partnerId_fkey` FOREIGN KEY (`partnerId`) REFERENCES `partners`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
