using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CheckIns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "checkin_conversations",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week = table.Column<DateOnly>(type: "date", nullable: false),
                    done_by = table.Column<Guid>(type: "uuid", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkin_conversations", x => new { x.couple_id, x.week });
                });

            migrationBuilder.CreateTable(
                name: "checkin_schedules",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkin_schedules", x => x.couple_id);
                });

            migrationBuilder.CreateTable(
                name: "checkins",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week = table.Column<DateOnly>(type: "date", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trust = table.Column<int>(type: "integer", nullable: true),
                    communication = table.Column<int>(type: "integer", nullable: true),
                    vulnerability = table.Column<int>(type: "integer", nullable: true),
                    empathy = table.Column<int>(type: "integer", nullable: true),
                    support = table.Column<int>(type: "integer", nullable: true),
                    togetherness = table.Column<int>(type: "integer", nullable: true),
                    felt_alone = table.Column<int>(type: "integer", nullable: true),
                    closeness = table.Column<int>(type: "integer", nullable: true),
                    texts = table.Column<byte[]>(type: "bytea", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkins", x => new { x.couple_id, x.week, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "counsellor_consents",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    given_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counsellor_consents", x => new { x.couple_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "notice_dismissals",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notice_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    dismissed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notice_dismissals", x => new { x.couple_id, x.user_id, x.notice_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "checkin_conversations");

            migrationBuilder.DropTable(
                name: "checkin_schedules");

            migrationBuilder.DropTable(
                name: "checkins");

            migrationBuilder.DropTable(
                name: "counsellor_consents");

            migrationBuilder.DropTable(
                name: "notice_dismissals");
        }
    }
}
