using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Sqlite.Migrations
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
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    week = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    done_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    done_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkin_conversations", x => new { x.couple_id, x.week });
                });

            migrationBuilder.CreateTable(
                name: "checkin_schedules",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkin_schedules", x => x.couple_id);
                });

            migrationBuilder.CreateTable(
                name: "checkins",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    week = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    trust = table.Column<int>(type: "INTEGER", nullable: true),
                    communication = table.Column<int>(type: "INTEGER", nullable: true),
                    vulnerability = table.Column<int>(type: "INTEGER", nullable: true),
                    empathy = table.Column<int>(type: "INTEGER", nullable: true),
                    support = table.Column<int>(type: "INTEGER", nullable: true),
                    togetherness = table.Column<int>(type: "INTEGER", nullable: true),
                    felt_alone = table.Column<int>(type: "INTEGER", nullable: true),
                    closeness = table.Column<int>(type: "INTEGER", nullable: true),
                    texts = table.Column<byte[]>(type: "BLOB", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_checkins", x => new { x.couple_id, x.week, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "counsellor_consents",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    given_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counsellor_consents", x => new { x.couple_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "notice_dismissals",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    notice_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    dismissed_at = table.Column<long>(type: "INTEGER", nullable: false)
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
