-- The case-event publisher's cursor: live subscriptions are fed from the timeline (the outbox),
-- and this row says how far it has been published.

-- CreateTable
CREATE TABLE `event_publisher_state` (
    `id` INTEGER NOT NULL,
    `lastEventId` BIGINT NOT NULL,
    `updatedAt` DATETIME(3) NOT NULL,

    PRIMARY KEY (`id`)
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Events already on the timeline are history, not news: the publisher starts after them.
INSERT INTO `event_publisher_state` (`id`, `lastEventId`, `updatedAt`)
SELECT 1, COALESCE(MAX(`id`), 0), CURRENT_TIMESTAMP(3) FROM `case_events`;
